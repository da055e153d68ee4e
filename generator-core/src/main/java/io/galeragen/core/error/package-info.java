/**
 * API for embedders: {@link io.galeragen.core.error.GaleraGenException}, the one exception of bad input or
 * invalid output, carrying {@link io.galeragen.core.error.Problem}s that each name where and what.
 */
package io.galeragen.core.error;
