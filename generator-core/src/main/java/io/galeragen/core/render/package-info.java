/**
 * Internal: FreeMarker templates to YAML text (the views handed to templates, the template catalogue). May change
 * in any release; embedders use {@link io.galeragen.core.GaleraGenerator}.
 */
package io.galeragen.core.render;
