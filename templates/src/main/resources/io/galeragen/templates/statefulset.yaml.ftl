<#import "_helpers.ftl" as h>
<#assign resources = cluster.resources>
apiVersion: apps/v1
kind: StatefulSet
<@h.metadata names.statefulSet/>
spec:
  serviceName: ${names.peerService}
  replicas: ${cluster.replicas?c}
  # Parallel: after a full outage every member must start at once, or pc.recovery cannot reform the cluster.
  podManagementPolicy: Parallel
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels:
<@h.labelMap selectorLabels 6/>
  template:
    metadata:
      labels:
<@h.labelMap labels 8/>
      annotations:
        galera-gen.io/config-hash: ${h.q(configHash)}
<@h.labelMap annotations 8/>
    spec:
      automountServiceAccountToken: false
      # A clean shutdown writes safe_to_bootstrap; give mariadbd time to finish it.
      terminationGracePeriodSeconds: 120
      securityContext:
        runAsUser: ${cluster.security.runAsUser?c}
        runAsGroup: ${cluster.security.runAsGroup?c}
        fsGroup: ${cluster.security.fsGroup?c}
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
<#-- Spreading (topology.*): computed in ViewFactory.scheduling. -->
<#if scheduling.priorityClassName??>
      priorityClassName: ${scheduling.priorityClassName}
</#if>
<#if scheduling.nodeSelector?has_content>
      nodeSelector:
<@h.labelMap scheduling.nodeSelector 8/>
</#if>
<#if scheduling.tolerations?has_content>
      tolerations:
<@h.tolerations scheduling.tolerations 6/>
</#if>
<#if scheduling.hasAffinity()>
      affinity:
<#if scheduling.zones?has_content>
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: topology.kubernetes.io/zone
                operator: In
                values:
<#list scheduling.zones as zone>
                - ${h.q(zone)}
</#list>
</#if>
<#if scheduling.antiAffinity?? && scheduling.antiAffinity == "required">
        # At most one member per node.
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
<@h.labelMap selectorLabels 16/>
<#elseif scheduling.antiAffinity??>
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
<@h.labelMap selectorLabels 18/>
</#if>
</#if>
<#if scheduling.whenUnsatisfiable??>
      topologySpreadConstraints:
      - topologyKey: topology.kubernetes.io/zone
        maxSkew: 1
        whenUnsatisfiable: ${scheduling.whenUnsatisfiable}
<#if scheduling.minDomains??>
        minDomains: ${scheduling.minDomains?c}
</#if>
        labelSelector:
          matchLabels:
<@h.labelMap selectorLabels 12/>
</#if>
      initContainers:
      - name: init
        image: ${h.q(cluster.images.mariadb)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        command: ["/bin/bash", "/etc/galera/init.sh"]
        env:
<#list env.recovery as variable>
<@h.envVar variable 8/>
</#list>
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
        - name: conf
          mountPath: /etc/mysql/conf.d
        - name: config
          mountPath: /etc/galera
          readOnly: true
      containers:
      - name: mariadb
        image: ${h.q(cluster.images.mariadb)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        # start.sh starts the image's entrypoint with the arguments init.sh decided, consuming them.
        command: ["/bin/bash", "/etc/galera/start.sh"]
        # The recovery contract (docs/recovery.md), then the image's MARIADB_* and init-users.sh's variables.
        env:
<#list env.recovery + env.main as variable>
<@h.envVar variable 8/>
</#list>
        ports:
        - name: mysql
          containerPort: 3306
        - name: sst
          containerPort: 4444
        - name: galera
          containerPort: 4567
        - name: galera-udp
          containerPort: 4567
          protocol: UDP
        - name: ist
          containerPort: 4568
        # No liveness probe: it would kill a joiner in the middle of a long SST.
        startupProbe:
          exec:
            command: ["/bin/bash", "/etc/galera/probe.sh", "started"]
          periodSeconds: 10
          timeoutSeconds: 5
          # Up to 6 hours for a first SST of a large datadir.
          failureThreshold: 2160
        readinessProbe:
          exec:
            command: ["/bin/bash", "/etc/galera/probe.sh", "ready"]
          periodSeconds: 5
          timeoutSeconds: 5
          failureThreshold: 2
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
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
        - name: conf
          mountPath: /etc/mysql/conf.d
        - name: config
          mountPath: /etc/galera
          readOnly: true
<#-- Accounts created at first start, exporter credentials for them, replication TLS. -->
        - name: initdb
          mountPath: /docker-entrypoint-initdb.d
          readOnly: true
<#if cluster.exporter.enabled>
        - name: exporter-config
          mountPath: /etc/galera-exporter
          readOnly: true
</#if>
<#if cluster.tls.enabled>
        - name: tls
          mountPath: /etc/galera-tls
          readOnly: true
</#if>
<#if cluster.exporter.enabled>
      - name: exporter
        image: ${h.q(cluster.images.exporter)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        # Credentials come from a my.cnf in a Secret: v0.15+ reads none from the environment.
        args:
        - --config.my-cnf=/etc/mysqld-exporter/my.cnf
        - --mysqld.address=127.0.0.1:3306
        - --web.listen-address=:${cluster.exporter.port?c}
        ports:
        - name: metrics
          containerPort: ${cluster.exporter.port?c}
        resources:
          requests:
            cpu: 10m
            memory: 32Mi
          limits:
            memory: 64Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: exporter-config
          mountPath: /etc/mysqld-exporter
          readOnly: true
</#if>
      volumes:
      - name: config
        configMap:
          name: ${names.configMap}
      - name: conf
        emptyDir: {}
      - name: initdb
        configMap:
          name: ${names.configMap}
          items:
          - key: init-users.sh
            path: 10-galera-users.sh
<#if cluster.tls.enabled>
      - name: tls
        secret:
          secretName: ${cluster.tls.secretName}
          # 0400: group-readable through fsGroup only.
          defaultMode: 256
</#if>
<#if cluster.exporter.enabled>
      - name: exporter-config
        secret:
          secretName: ${cluster.exporter.credentials.name}
          # 0400: only the exporter reads its credentials.
          defaultMode: 256
          items:
          - key: ${cluster.exporter.credentials.key}
            path: my.cnf
</#if>
  volumeClaimTemplates:
  - metadata:
      name: data
      labels:
<@h.labelMap selectorLabels 8/>
    spec:
      accessModes:
<#list cluster.storage.accessModes as mode>
      - ${mode}
</#list>
<#if cluster.storage.storageClassName??>
      storageClassName: ${cluster.storage.storageClassName}
</#if>
      resources:
        requests:
          storage: ${h.q(cluster.storage.size)}
