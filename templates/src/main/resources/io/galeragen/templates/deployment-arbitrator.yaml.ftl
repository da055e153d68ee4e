<#import "_helpers.ftl" as h>
<#assign resources = cluster.arbitrator.resources>
<#-- garbd: votes in the primary component and keeps no data, so an even number of members can break a tie. -->
apiVersion: apps/v1
kind: Deployment
<@h.metadataLabelled arbitrator.name arbitrator.labels/>
spec:
  replicas: 1
  # Never two arbitrators at once: each would count as a vote.
  strategy:
    type: Recreate
  selector:
    matchLabels:
<@h.labelMap arbitrator.selector 6/>
  template:
    metadata:
      labels:
<@h.labelMap arbitrator.labels 8/>
<#if annotations?has_content>
      annotations:
<@h.labelMap annotations 8/>
</#if>
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsUser: ${cluster.security.runAsUser?c}
        runAsGroup: ${cluster.security.runAsGroup?c}
        fsGroup: ${cluster.security.fsGroup?c}
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
<#if scheduling.nodeSelector?has_content>
      nodeSelector:
<@h.labelMap scheduling.nodeSelector 8/>
</#if>
<#if scheduling.tolerations?has_content>
      tolerations:
<@h.tolerations scheduling.tolerations 6/>
</#if>
      # Preferably not on a member's node: losing that node would then take two votes.
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
<@h.labelMap selectorLabels 18/>
<#if scheduling.priorityClassName??>
      priorityClassName: ${scheduling.priorityClassName}
</#if>
      containers:
      - name: garbd
        image: ${h.q(cluster.arbitrator.image)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        command: ["garbd"]
        args:
<#list arbitrator.args as arg>
        - ${h.q(arg)}
</#list>
        # garbd looks for gvwstate.dat in its working directory.
        workingDir: /var/lib/garbd
        ports:
        - name: galera
          containerPort: 4567
        - name: galera-udp
          containerPort: 4567
          protocol: UDP
        readinessProbe:
          tcpSocket:
            port: galera
          periodSeconds: 10
        livenessProbe:
          tcpSocket:
            port: galera
          initialDelaySeconds: 30
          periodSeconds: 20
<#if resources.cpuRequest?? || resources.memoryRequest?? || resources.cpuLimit?? || resources.memoryLimit??>
        resources:
<#if resources.cpuRequest?? || resources.memoryRequest??>
          requests:
<#if resources.cpuRequest??>
            cpu: ${h.q(resources.cpuRequest)}
</#if>
<#if resources.memoryRequest??>
            memory: ${h.q(resources.memoryRequest)}
</#if>
</#if>
<#if resources.cpuLimit?? || resources.memoryLimit??>
          limits:
<#if resources.cpuLimit??>
            cpu: ${h.q(resources.cpuLimit)}
</#if>
<#if resources.memoryLimit??>
            memory: ${h.q(resources.memoryLimit)}
</#if>
</#if>
</#if>
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: state
          mountPath: /var/lib/garbd
<#if cluster.tls.enabled>
        - name: tls
          mountPath: /etc/galera-tls
          readOnly: true
</#if>
      volumes:
      - name: state
        emptyDir: {}
<#if cluster.tls.enabled>
      - name: tls
        secret:
          secretName: ${cluster.tls.secretName}
          defaultMode: 256
</#if>
