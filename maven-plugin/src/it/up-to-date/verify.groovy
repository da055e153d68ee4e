def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('galera: ') && !it.contains('galera: next steps') }
assert lines.size() == 5 : lines
assert lines[0].contains('galera: 7 documents for cluster stock in target/galera (4 written, 0 unchanged, 0 removed)')
assert lines[1].contains('galera: 7 documents for cluster stock in target/galera are up to date')
assert lines[2].contains('(0 written, 4 unchanged, 0 removed)')        // force: rendered, same bytes
assert lines[3].contains('(2 written, 2 unchanged, 0 removed)')        // replicas=5: galera.yaml and NOTES.txt
assert lines[4].contains('are up to date')
def state = new File(basedir, 'target/galera-gen').listFiles().find { it.name.endsWith('.state') }
assert state != null && state.text.contains('file galera.yaml ')
assert new File(basedir, 'target/galera/galera.yaml').text.contains('replicas: 5')
return true
