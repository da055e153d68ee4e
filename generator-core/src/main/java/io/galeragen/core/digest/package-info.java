/** Internal: the SHA-256 every fingerprint and content hash uses. May change in any release. */
package io.galeragen.core.digest;
