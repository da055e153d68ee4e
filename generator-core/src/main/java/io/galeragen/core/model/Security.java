package io.galeragen.core.model;

/**
 * The identity the pods run as. Every container also runs without privilege escalation, with all capabilities
 * dropped and the RuntimeDefault seccomp profile; those are not configurable.
 *
 * @param runAsUser  the uid; 999 is the {@code mysql} user of the official image
 * @param runAsGroup the gid; 999 is the {@code mysql} group of the official image
 * @param fsGroup    the group that owns the data volume and mounted Secret files
 */
public record Security(int runAsUser, int runAsGroup, int fsGroup) {
}
