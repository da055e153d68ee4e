/**
 * Internal: checks rendered manifests before they are written. {@link io.galeragen.core.validate.StrictResourceReader}
 * binds each document to its fabric8 type and rejects unknown fields and wrong types;
 * {@link io.galeragen.core.validate.SchemaValidator} checks it against the Kubernetes JSON schemas of a
 * given Kubernetes version, the way kubeconform does: bundled in this jar, from local folders or cached URL
 * templates. May change in any release; embedders choose versions and schema locations on
 * {@link io.galeragen.core.GaleraGenerator.Builder}.
 */
package io.galeragen.core.validate;
