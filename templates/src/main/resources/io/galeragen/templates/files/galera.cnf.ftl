# galera.cnf for ${cluster.name}, rendered by galera-gen. No credentials here: init.sh writes them from Secrets.
[mysqld]
# Every address family: IPv4, IPv6 and dual-stack pods.
bind-address=*
skip-name-resolve
# ${cluster.memoryBudget().describe()}
max_connections=${maxConnections?c}
innodb_buffer_pool_size=${cluster.memoryBudget().bufferPoolSize()}
<#if wsrep>
# Galera requires row-based replication, InnoDB and interleaved auto-increment locks.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
# Every commit is on disk before it is acknowledged: Galera's copies on the other members are in memory until they
# apply them, so a power loss of every member at once would otherwise lose the last acknowledged commits
# (measured: docs/recovery.md). 2 is faster and risks that; the values reference says when it is reasonable.
innodb_flush_log_at_trx_commit=${flushLogAtTrxCommit?c}

[galera]
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=${cluster.name}
wsrep_cluster_address=${clusterAddress}
wsrep_sst_method=${cluster.galera.sstMethod.value()}
wsrep_slave_threads=${cluster.effectiveApplierThreads()?c}
wsrep_provider_options="${providerOptions}"
<#if cluster.tls.enabled>

# tls.enabled: state snapshot transfers use the same certificate; the donor verifies the joiner's against ca.crt.
[sst]
ssl-ca=/etc/galera-tls/ca.crt
ssl-cert=/etc/galera-tls/tls.crt
ssl-key=/etc/galera-tls/tls.key
ssl-mode=VERIFY_CA
</#if>
<#else>
# One member: a standalone MariaDB, Galera replication off.
wsrep_on=OFF
</#if>
<#if cluster.galera.extraCnf?has_content>

# galera.extraCnf, last so that it wins.
[mysqld]
<#list cluster.galera.extraCnf as line>
${line}
</#list>
</#if>
