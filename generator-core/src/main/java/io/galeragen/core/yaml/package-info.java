/**
 * Internal: the one YAML mapper, YAML text helpers for templates, syntax errors in plain words. May change in any
 * release.
 */
package io.galeragen.core.yaml;
