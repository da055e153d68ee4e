/**
 * API for embedders: what a rendering becomes and how it is written: {@link io.galeragen.core.output.Manifest},
 * {@link io.galeragen.core.output.Layout}, the all-or-nothing {@link io.galeragen.core.output.OutputWriter}, the
 * drift check, NOTES.txt and the Secrets a cluster needs.
 */
package io.galeragen.core.output;
