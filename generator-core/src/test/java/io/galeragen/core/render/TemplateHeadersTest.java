package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every resource template says, in its first comment, the kind it renders, when it renders and what view it reads,
 * so a reader finds a resource's whole story from its template; TemplateCatalog holds the same rule as code.
 */
class TemplateHeadersTest {

    @Test
    void everyResourceTemplateOpensWithItsKindWhenItRendersAndItsView() throws IOException {
        for (TemplateCatalog.ResourceTemplate template : TemplateCatalog.RESOURCES) {
            String text;
            try (InputStream in = TemplateHeadersTest.class.getResourceAsStream(
                    TemplateEngine.CLASSPATH_ROOT + "/" + template.name())) {
                assertThat(in).as(template.name()).isNotNull();
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String header = text.substring(0, text.indexOf("-->") + 3);

            assertThat(header)
                    .as(template.name())
                    .startsWith("<#-- " + template.kind() + " ")
                    .contains(": renders ", " View: ", "(When: TemplateCatalog.)");
        }
    }
}
