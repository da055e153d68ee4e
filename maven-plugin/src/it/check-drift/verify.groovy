def log = new File(basedir, 'build.log').text
assert log.contains('5 file(s) in manifests differ from what galera:generate would write:')
assert log.contains('  - .galera-gen-files (changed)')
assert log.contains('  - galera.yaml (changed)')
assert log.contains('  - galera-recover (missing)')
assert log.contains('  - NOTES.txt (missing)')
// a changed file comes with its diff
assert log.contains('      --- galera.yaml (as it is)')
assert log.contains('      -# generated for replicas: 3')
assert log.contains('  - old-extra.yaml (extra)')
// check never writes.
assert new File(basedir, 'manifests/galera.yaml').text.startsWith('# generated for replicas: 3')
return true
