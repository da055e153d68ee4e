// The README's snippet, run as a user runs it (mvn verify): manifests, NOTES.txt and the Secrets in the log.
def output = new File(basedir, 'target/galera')
assert new File(output, 'galera.yaml').text.contains('name: orders-db')
assert new File(output, 'NOTES.txt').text.contains('kubectl --namespace shop create secret generic orders-db-credentials')
assert new File(output, 'galera-recover').text.contains("GENERATED_STATEFULSET='orders-db'")
def log = new File(basedir, 'build.log').text
assert log.contains('valid for Kubernetes 1.34, 1.35, 1.36 (schemas bundled with galera-gen)')
assert log.contains('kubectl --namespace shop create secret generic orders-db-credentials')
return true
