package io.galeragen.core.podlab.scenarios;

import io.galeragen.core.podlab.oracle.OracleFailure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario that fails today because of the product: the test passes only while the oracle fails with the expected
 * kind, and turns red the day the scenario passes, so whoever fixes the defect must remove this annotation. Any other
 * failure stays a failure.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(KnownDefectExtension.class)
public @interface KnownDefect {

    /** The defect, e.g. "issue 11 point 1: a graceful stop of every pod waits for a person". */
    String value();

    /** How the oracle fails because of it. */
    OracleFailure.Kind kind() default OracleFailure.Kind.NOT_HEALED;
}
