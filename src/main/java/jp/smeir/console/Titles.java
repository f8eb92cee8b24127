package jp.smeir.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.engine.Catalogue;
import jp.smeir.engine.RuleEngine;

/** An item's title for its code, from the catalogue of the rules in service: pages show titles, never codes. */
@ApplicationScoped
public class Titles {

    @Inject
    RuleEngine engine;

    public String of(String code, Texts t) {
        Catalogue.Entry entry = engine.ruleBase().catalogue().items().get(code);
        return entry == null ? t.word("item.unknown") : t.text(entry.title());
    }
}
