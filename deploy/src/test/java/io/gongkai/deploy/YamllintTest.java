package io.gongkai.deploy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every YAML file of deploy/ (k8s, compose, the yamllint configuration itself) passes yamllint, strictly. */
class YamllintTest {

    @Test
    void theYamlFilesPassYamllint() {
        // -s: warnings fail too. Fails with yamllint's report, or with how to install yamllint where it is missing.
        Kustomize.run(List.of("yamllint", "-s", "-f", "parsable", "-c", ".yamllint.yaml", "k8s", "compose", ".yamllint.yaml"));
    }
}
