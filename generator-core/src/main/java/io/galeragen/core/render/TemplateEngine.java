package io.galeragen.core.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.Version;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.yaml.YamlText;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one strictly configured FreeMarker. Templates are read from a user override folder first (files there
 * replace built-in templates of the same name), then from the {@code galera-templates} jar. Parsed templates
 * are cached by FreeMarker, so each is parsed once per engine.
 */
public final class TemplateEngine {

    /** Where the built-in templates sit on the classpath (the galera-templates module). */
    public static final String CLASSPATH_ROOT = "/io/galeragen/templates";

    private static final Version VERSION = Configuration.VERSION_2_3_34;

    private final Configuration configuration;
    private final Map<String, Integer> outputSizes = new ConcurrentHashMap<>();

    public TemplateEngine(Path overrideDirectory) {
        configuration = new Configuration(VERSION);
        configuration.setTemplateLoader(loader(overrideDirectory));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        // "c": the computer format without a java.text.DecimalFormat (cloned for every render with "computer").
        configuration.setNumberFormat("c");
        configuration.setBooleanFormat("c");
        // Fail loudly on any template error or missing value: half a manifest is worse than none.
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setClassicCompatible(false);
        // Templates may not instantiate classes (?new) or evaluate strings as code.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(VERSION).build());
        configuration.setLocalizedLookup(false);
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // yamlScalar(text): quotes only where YAML needs them (YamlText.scalar); _helpers.ftl's q calls it.
        configuration.setSharedVariable(
                "yamlScalar", (TemplateMethodModelEx) arguments -> YamlText.scalar(textArgument(arguments)));
    }

    private static String textArgument(List<?> arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel text)) {
            throw new TemplateModelException("yamlScalar takes one string, got " + arguments);
        }
        return text.getAsString();
    }

    /** Renders a FreeMarker template with the given data model. */
    public String render(String templateName, Object dataModel) {
        try {
            Template template = configuration.getTemplate(templateName);
            // Sized after the template's largest output so far: a render copies no growing buffers.
            TextWriter out = new TextWriter(outputSizes.getOrDefault(templateName, 4096));
            template.process(dataModel, out);
            outputSizes.merge(templateName, out.length(), Math::max);
            return out.toString();
        } catch (TemplateException e) {
            throw new GaleraGenException(
                    new Problem(
                            Input.TEMPLATE,
                            templateName,
                            "failed at line " + e.getLineNumber() + ": " + e.getMessageWithoutStackTop()),
                    e);
        } catch (IOException e) {
            throw templateMissing(templateName, e);
        }
    }

    /** Reads a static file (init.sh, ...) through the same lookup as templates, without parsing it. */
    public String readFile(String name) {
        try {
            Template raw = configuration.getTemplate(name, null, null, false);
            StringWriter out = new StringWriter();
            raw.dump(out);
            return out.toString();
        } catch (IOException e) {
            throw templateMissing(name, e);
        }
    }

    private static GaleraGenException templateMissing(String name, IOException cause) {
        return new GaleraGenException(
                new Problem(Input.TEMPLATE, name, "cannot be read: " + cause.getMessage()), cause);
    }

    private static TemplateLoader loader(Path overrideDirectory) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrideDirectory != null) {
            try {
                loaders.add(new FileTemplateLoader(overrideDirectory.toFile()));
            } catch (IOException e) {
                throw new GaleraGenException(
                        Problem.badValue(
                                Input.TEMPLATES_DIRECTORY,
                                "",
                                overrideDirectory.toString(),
                                "a readable folder of templates (" + e.getMessage() + ")"),
                        e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, CLASSPATH_ROOT));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }
}
