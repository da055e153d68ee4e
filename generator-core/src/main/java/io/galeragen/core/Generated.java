package io.galeragen.core;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.OutputWriter;

/**
 * What {@link GaleraGenerator#generate} did.
 *
 * @param cluster   the cluster the values resolved to
 * @param rendering the checked documents
 * @param files     which files were written, left unchanged, or removed as no longer generated
 */
public record Generated(GaleraCluster cluster, Rendering rendering, OutputWriter.Report files) {}
