def log = new File(basedir, 'build.log').text
assert log.count('galera: skipped (galera.skip=true)') == 1
assert !new File(basedir, 'target/galera').exists()
return true
