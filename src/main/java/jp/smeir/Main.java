package jp.smeir;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import jp.smeir.engine.RuleEngineProducer;

/**
 * Starts the rule-base build before Quarkus boots, so that the two run side by side: compiling the rules is
 * the longest part of a start, and it needs nothing that Quarkus sets up.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        RuleEngineProducer.buildEarly();
        Quarkus.run(args);
    }
}
