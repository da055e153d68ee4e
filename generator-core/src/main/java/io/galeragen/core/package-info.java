/**
 * API for embedders: the entry point {@link io.galeragen.core.GaleraGenerator} (render a cluster, generate and
 * check an output folder, validate manifest files) and what it returns. With {@code model}, {@code values},
 * {@code error} and {@code output}, this is the API; {@code render}, {@code validate} and {@code yaml} are internal.
 */
package io.galeragen.core;
