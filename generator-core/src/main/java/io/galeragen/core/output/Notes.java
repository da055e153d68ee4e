package io.galeragen.core.output;

import io.galeragen.core.model.GaleraCluster;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE_NAME}, written beside the manifests (Helm's convention for what to do next): the Secrets to create
 * before the first apply, with a ready command, then how to apply and where recovery starts. Kubernetes tools
 * skip it: {@code kubectl apply -f} reads only .yaml, .yml and .json files, and the kustomization lists its
 * resources. Made from the model, so it names exactly the Secrets and keys the manifests refer to.
 */
public final class Notes {

    public static final String FILE_NAME = "NOTES.txt";

    private Notes() {}

    public static String text(GaleraCluster cluster, RequiredSecrets secrets, Layout layout) {
        StringBuilder text = new StringBuilder();
        text.append("galera-gen: cluster ")
                .append(cluster.name())
                .append(" in namespace ")
                .append(cluster.namespace())
                .append(", ")
                .append(cluster.replicas())
                .append(cluster.replicas() == 1 ? " member" : " members")
                .append(".\n\n");
        text.append(secretsSection(secrets));
        text.append("\nThen apply the manifests: ")
                .append(
                        layout == Layout.PER_RESOURCE
                                ? "kubectl apply -k <this folder>"
                                : "kubectl apply -f " + OutputFiles.SINGLE_FILE)
                .append('\n');
        text.append("\nIf every member stops and the cluster waits for a decision, ./galera-recover (in this folder)"
                        + " shows the plan\nfor ")
                .append(cluster.namespace())
                .append('/')
                .append(cluster.name())
                .append(" and ./galera-recover --apply carries it out; see docs/recovery.md.\n");
        return text.toString();
    }

    /** The Secrets to create, what each key holds, and the commands that create them with random hex passwords. */
    public static String secretsSection(RequiredSecrets secrets) {
        StringBuilder text = new StringBuilder("Before the first apply, create the Secrets the manifests refer to"
                + " (galera-gen never writes a secret value):\n\n");
        secrets.secrets().forEach((name, keys) -> {
            text.append("  Secret ")
                    .append(name)
                    .append(" in namespace ")
                    .append(secrets.namespace())
                    .append(":\n");
            int width = keys.stream().mapToInt(key -> key.key().length()).max().orElse(0);
            keys.forEach(key -> text.append("    ")
                    .append(pad(key.key(), width))
                    .append("  ")
                    .append(key.purpose())
                    .append('\n'));
        });
        if (secrets.tls() != null) {
            text.append("  Secret ")
                    .append(secrets.tls())
                    .append(" in namespace ")
                    .append(secrets.namespace())
                    .append(", type kubernetes.io/tls: tls.crt, tls.key and ca.crt (e.g. from cert-manager)\n");
        }
        if (!secrets.ceph().isEmpty()) {
            text.append("  ceph-csi's Secret ")
                    .append(String.join(", ", secrets.ceph()))
                    .append(" (userID, userKey), read by the driver; made when ceph-csi was set up\n");
        }
        text.append("\nHex passwords need no quoting or escaping anywhere, the exporter's my.cnf included:\n\n");
        text.append(commands(secrets));
        return text.toString();
    }

    /** The shell commands that create the cluster's own Secrets (not TLS or ceph-csi's). */
    public static String commands(RequiredSecrets secrets) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<RequiredSecrets.Key>> secret :
                secrets.secrets().entrySet()) {
            List<RequiredSecrets.Key> myCnfs = secret.getValue().stream()
                    .filter(key -> key.format() == RequiredSecrets.Format.MY_CNF)
                    .toList();
            for (RequiredSecrets.Key key : myCnfs) {
                text.append("cat > ")
                        .append(key.key())
                        .append(" <<EOF\n[client]\nuser=exporter\n")
                        .append("password=$(openssl rand -hex 24)\nEOF\n");
            }
            text.append("kubectl --namespace ")
                    .append(secrets.namespace())
                    .append(" create secret generic ")
                    .append(secret.getKey());
            for (RequiredSecrets.Key key : secret.getValue()) {
                text.append(" \\\n  ");
                if (key.format() == RequiredSecrets.Format.MY_CNF) {
                    text.append("--from-file=").append(key.key()).append("=./").append(key.key());
                } else {
                    text.append("--from-literal=").append(key.key()).append("=\"$(openssl rand -hex 24)\"");
                }
            }
            text.append('\n');
            myCnfs.forEach(key -> text.append("rm ").append(key.key()).append('\n'));
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
