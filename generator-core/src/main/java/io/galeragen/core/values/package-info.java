/**
 * API for embedders: Helm-style values layers ({@link io.galeragen.core.values.ValuesSource}: files, YAML text,
 * {@code --set} settings) resolved over the model's defaults, and the values files' JSON Schema.
 */
package io.galeragen.core.values;
