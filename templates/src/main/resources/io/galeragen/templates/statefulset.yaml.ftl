<#-- StatefulSet names.statefulSet: renders always. View: cluster, names, memberPod (MemberPodView), scheduling
     (SchedulingView), env (PodEnv), configHash. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#assign pod = memberPod>
apiVersion: apps/v1
kind: StatefulSet
<#-- checkov's waivers, with their reasons, on the workload and on its pod template (where scanners read them). -->
<@h.metadata names.statefulSet pod.waivers/>
spec:
  serviceName: ${h.q(names.peerService)}
  replicas: ${cluster.replicas?c}
  # Parallel: after a full outage every member must start at once: the members decide together who bootstraps.
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
<@h.labelMap pod.waivers 8/>
    spec:
      automountServiceAccountToken: false
      # A clean shutdown writes safe_to_bootstrap; give mariadbd time to finish it.
      terminationGracePeriodSeconds: 120
<@h.podSecurity 6/>
<#-- Spreading (topology.*): computed in ViewFactory.scheduling. -->
<#if scheduling.priorityClassName??>
      priorityClassName: ${h.q(scheduling.priorityClassName)}
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
<#if cluster.exporter.enabled>
      # Checks the exporter's Secret and writes its my.cnf in the form the exporter reads unchanged; never fails, so a
      # bad exporter credential is a log line here and mysql_up 0, never a member out of service.
      - name: exporter-config
        image: ${h.q(cluster.images.mariadb)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        command: ["/bin/bash", "/etc/galera/exporter-config.sh", "${pod.exporterSecretFile}", "/etc/mysqld-exporter/my.cnf"]
<@h.resources pod.sidecarResources 8/>
<@h.containerSecurity 8/>
        volumeMounts:
        - name: config
          mountPath: /etc/galera
          readOnly: true
        - name: credentials
          mountPath: ${pod.credentialsDir}
          readOnly: true
        - name: exporter-config
          mountPath: /etc/mysqld-exporter
</#if>
      - name: init
        image: ${h.q(cluster.images.mariadb)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        command: ["/bin/bash", "/etc/galera/init.sh"]
        env:
<#list env.recovery as variable>
<@h.envVar variable 8/>
</#list>
        # As much as mariadb: mariadbd --wsrep-recover starts InnoDB with the same buffer pool.
<@h.resources cluster.resources 8/>
<@h.containerSecurity 8/>
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
        - name: conf
          mountPath: /etc/mysql/conf.d
        - name: config
          mountPath: /etc/galera
          readOnly: true
        - name: credentials
          mountPath: ${pod.credentialsDir}
          readOnly: true
        - name: run
          mountPath: /run/mysqld
        - name: init-tmp
          mountPath: /tmp
      containers:
      - name: mariadb
        image: ${h.q(cluster.images.mariadb)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        # start.sh starts the image's entrypoint with the arguments init.sh decided, consuming them.
        command: ["/bin/bash", "/etc/galera/start.sh"]
        # The recovery contract (docs/recovery.md), then the image's MARIADB_* and init-users.sh's variables. Passwords
        # are files of the credentials volume (*_FILE), never values here.
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
        # This member's recovery state (read-only), for the other members' plan after an outage.
        - name: galera-state
          containerPort: 4569
        # No liveness probe: it would kill a joiner in the middle of a long SST.
        startupProbe:
          exec:
            command: ["/bin/bash", "/etc/galera/probe.sh", "started"]
          periodSeconds: ${pod.startupPeriodSeconds?c}
          timeoutSeconds: 5
          # ${pod.startupBound}
          failureThreshold: ${pod.startupFailureThreshold?c}
        readinessProbe:
          exec:
            command: ["/bin/bash", "/etc/galera/probe.sh", "ready"]
          periodSeconds: 5
          timeoutSeconds: 5
          failureThreshold: 2
<@h.resources cluster.resources 8/>
<@h.containerSecurity 8/>
        volumeMounts:
        - name: data
          mountPath: /var/lib/mysql
        - name: conf
          mountPath: /etc/mysql/conf.d
        - name: config
          mountPath: /etc/galera
          readOnly: true
        - name: credentials
          mountPath: ${pod.credentialsDir}
          readOnly: true
        - name: run
          mountPath: /run/mysqld
        - name: tmp
          mountPath: /tmp
<#-- Accounts created at first start, replication TLS. -->
        - name: initdb
          mountPath: /docker-entrypoint-initdb.d
          readOnly: true
<#if cluster.tls.enabled>
        - name: tls
          mountPath: /etc/galera-tls
          readOnly: true
</#if>
<#if cluster.exporter.enabled>
      # No probes: a member's readiness must never depend on its metrics.
      - name: exporter
        image: ${h.q(cluster.images.exporter)}
        imagePullPolicy: ${cluster.images.pullPolicy}
        # The my.cnf exporter-config wrote; slave_status is off: Galera has no replica threads, and it needs SLAVE MONITOR.
        args:
        - --config.my-cnf=/etc/mysqld-exporter/my.cnf
        - --mysqld.address=127.0.0.1:3306
        - --no-collect.slave_status
        - --web.listen-address=:${cluster.exporter.port?c}
        ports:
        - name: metrics
          containerPort: ${cluster.exporter.port?c}
<@h.resources pod.sidecarResources 8/>
<@h.containerSecurity 8/>
        volumeMounts:
        - name: exporter-config
          mountPath: /etc/mysqld-exporter
          readOnly: true
</#if>
      volumes:
      - name: config
        configMap:
          name: ${h.q(names.configMap)}
      # Memory-backed: it holds the SST credential init.sh writes for mariadbd.
      - name: conf
        emptyDir:
          medium: Memory
      - name: run
        emptyDir:
          medium: Memory
      - name: tmp
        emptyDir: {}
      - name: init-tmp
        emptyDir: {}
      - name: initdb
        configMap:
          name: ${h.q(names.configMap)}
          items:
          - key: init-users.sh
            path: 10-galera-users.sh
      - name: credentials
        projected:
          # 0400: group-readable through fsGroup only.
          defaultMode: 256
          sources:
<#list pod.credentials as file>
          - secret:
              name: ${h.q(file.secretName)}
<#if file.optional>
              # Optional: a missing exporter credential must not keep the pod from starting.
              optional: true
</#if>
              items:
              - key: ${h.q(file.key)}
                path: ${file.file}
</#list>
<#if cluster.tls.enabled>
      - name: tls
        secret:
          secretName: ${h.q(cluster.tls.secretName)}
          # 0400: group-readable through fsGroup only.
          defaultMode: 256
</#if>
<#if cluster.exporter.enabled>
      - name: exporter-config
        emptyDir:
          medium: Memory
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
      storageClassName: ${h.q(cluster.storage.storageClassName)}
</#if>
      resources:
        requests:
          storage: ${h.q(cluster.storage.size)}
