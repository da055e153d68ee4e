/**
 * API for embedders: the immutable model of a Galera cluster ({@link io.galeragen.core.model.GaleraCluster} and
 * its parts, with builders and {@link io.galeragen.core.model.Defaults}); every rendered file is derived from it.
 */
package io.galeragen.core.model;
