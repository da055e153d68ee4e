<#-- Deployment arbitrator.name: renders when arbitrator.enabled and replicas >= 2. View: arbitrator
     (ArbitratorView), scheduling (SchedulingView). (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- garbd: votes in the primary component and keeps no data, so an even number of members can break a tie. -->
apiVersion: apps/v1
kind: Deployment
<@h.metadataLabelled arbitrator.name arbitrator.labels arbitrator.waivers/>
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
<@h.annotationMap arbitrator.waivers 6/>
    spec:
      automountServiceAccountToken: false
<@h.podSecurity 6/>
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
      priorityClassName: ${h.q(scheduling.priorityClassName)}
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
<@h.resources cluster.arbitrator.resources 8/>
<@h.containerSecurity 8/>
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
          secretName: ${h.q(cluster.tls.secretName)}
          defaultMode: 256
</#if>
