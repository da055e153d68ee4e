package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The identity the pods run as. Every container also runs without privilege escalation, with all capabilities
 * dropped and the RuntimeDefault seccomp profile; those are not configurable.
 */
public record Security(
        @JsonPropertyDescription("The uid; 999 is the mysql user of the official image.")
        int runAsUser,

        @JsonPropertyDescription("The gid; 999 is the mysql group of the official image.")
        int runAsGroup,

        @JsonPropertyDescription("The group that owns the data volume and mounted Secret files.")
        int fsGroup) {}
