def log = new File(basedir, 'build.log').text
assert log.contains('src/main/galera/values.yaml:4: storage.sise: is not a known key; did you mean storage.size?')
// A user's mistake is a message, not a stack trace.
assert !(log =~ /(?m)^\s+at [a-z]+\.[\w.$]+\(/)
assert !new File(basedir, 'target/galera').exists()
return true
