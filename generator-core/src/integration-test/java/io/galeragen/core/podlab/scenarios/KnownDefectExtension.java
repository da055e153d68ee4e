package io.galeragen.core.podlab.scenarios;

import io.galeragen.core.podlab.oracle.KnownDefects;
import io.galeragen.core.podlab.oracle.OracleFailure;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** Runs a {@link KnownDefect} test: the expected oracle failure passes, anything else (including a pass) fails. */
public final class KnownDefectExtension
        implements BeforeTestExecutionCallback, TestExecutionExceptionHandler, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KnownDefectExtension.class);
    private static final String SEEN = "expected failure seen";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        KnownDefects.set(defect(context).value());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        KnownDefect defect = defect(context);
        if (throwable instanceof OracleFailure failure && failure.kind() == defect.kind()) {
            context.getStore(NAMESPACE).put(SEEN, Boolean.TRUE);
            System.out.println("[podlab] expected failure (" + defect.value() + "): "
                    + failure.getMessage().lines().findFirst().orElse(""));
            return;
        }
        throw throwable;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        KnownDefects.set(null);
        boolean seen = Boolean.TRUE.equals(context.getStore(NAMESPACE).get(SEEN));
        if (!seen && context.getExecutionException().isEmpty()) {
            throw new AssertionError("the scenario passed although it is marked @KnownDefect(\""
                    + defect(context).value() + "\"): the defect seems fixed, remove the annotation");
        }
    }

    private static KnownDefect defect(ExtensionContext context) {
        return context.getRequiredTestMethod().getAnnotation(KnownDefect.class);
    }
}
