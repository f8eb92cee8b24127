package jp.smeir.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.facts.IncidentFacts;

/**
 * The console's form asks every fact of the API, in words a reader can read, and an edit made through it keeps
 * every fact as it was: a fact the form could not show would be dropped at the next save.
 */
@QuarkusTest
class FactFormTest {

    @Inject
    FactForm form;

    @Inject
    ObjectMapper json;

    @Test
    void everyFactOfTheApiIsOnTheForm() throws Exception {
        List<String> published = new ArrayList<>();
        everyFactSet().fields().forEachRemaining(group -> {
            if (group.getValue().isObject()) {
                group.getValue().fieldNames().forEachRemaining(name -> published.add(group.getKey() + "." + name));
            } else {
                published.add(group.getKey());
            }
        });
        assertThat(published).hasSizeGreaterThan(30);
        assertThat(FactForm.FIELDS.stream().map(FactForm.Def::path)).containsExactlyInAnyOrderElementsOf(published);
        assertThat(FactForm.GROUPS).containsExactly("incident", "organization", "personalData", "impact", "attack");
        List<String> order = FactForm.FIELDS.stream().map(FactForm.Def::path).toList();
        assertThat(order.indexOf("personalData.myNumberPersons")).as("「そのうち」 right after what it counts")
                .isEqualTo(order.indexOf("personalData.myNumber") + 1);
        assertThat(order.indexOf("organization.ownDataAffected")).isEqualTo(order.indexOf("organization.dataProcessor") + 1);
    }

    @Test
    void everyFactGroupAndChoiceHasWordsInBothLanguages() {
        for (String language : List.of("ja", "en")) {
            Texts t = Texts.of(language);
            for (FactForm.Group group : form.groups((IncidentFacts) null, t)) {
                assertThat(group.label()).as("%s: group %s", language, group.name()).doesNotStartWith("group.");
                for (FactForm.Field field : group.fields()) {
                    assertThat(field.label()).as("%s: label of %s", language, field.name()).doesNotStartWith("fact.");
                    for (FactForm.Option option : field.options()) {
                        assertThat(option.label()).as("%s: %s option %s", language, field.name(), option.value())
                                .isNotBlank().doesNotEndWith("." + option.value());
                    }
                }
            }
        }
    }

    @Test
    void anEditThroughTheFormKeepsEveryFact() throws Exception {
        IncidentFacts facts = json.treeToValue(everyFactSet(), IncidentFacts.class);
        MultivaluedMap<String, String> posted = new MultivaluedHashMap<>();
        for (FactForm.Group group : form.groups(facts, Texts.of("ja"))) {
            for (FactForm.Field field : group.fields()) {
                if (field.kind().equals("TYPES")) {
                    field.options().stream().filter(FactForm.Option::selected).forEach(o -> posted.add(field.name(), o.value()));
                } else {
                    posted.add(field.name(), field.value());
                }
            }
        }
        assertThat(json.valueToTree(form.read(posted)).equals(json.valueToTree(facts))).as("facts after a save through the form").isTrue();
    }

    /**
     * Every fact of the published API description (docs/openapi.json, kept current by OpenApiDocumentTest), given a
     * value that is not a default: a yes/no fact alternates true and false, a choice takes its last code.
     */
    private ObjectNode everyFactSet() throws java.io.IOException {
        JsonNode schemas = json.readTree(Path.of("docs", "openapi.json").toFile()).path("components").path("schemas");
        return valuesOf(schemas, schemas.path("IncidentFacts"), new boolean[1]);
    }

    private ObjectNode valuesOf(JsonNode schemas, JsonNode schema, boolean[] yes) {
        ObjectNode values = json.createObjectNode();
        schema.path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            JsonNode target = referred(schemas, property);
            if (target.has("properties")) {
                values.set(e.getKey(), valuesOf(schemas, target, yes));
            } else if (target.has("enum")) {
                values.put(e.getKey(), target.path("enum").get(target.path("enum").size() - 1).asText());
            } else if (property.path("type").asText().equals("array")) {
                JsonNode codes = referred(schemas, property.path("items")).path("enum");
                values.putArray(e.getKey()).add(codes.get(0).asText()).add(codes.get(codes.size() - 1).asText());
            } else if (property.path("type").asText().equals("boolean")) {
                values.put(e.getKey(), yes[0] = !yes[0]);
            } else if (property.path("type").asText().equals("integer")) {
                values.put(e.getKey(), 1234);
            } else if (property.path("allOf").toString().contains("OffsetDateTime")) {
                values.put(e.getKey(), "2026-11-30T10:15:00+09:00");
            } else {
                values.put(e.getKey(), "顧客名簿の誤送信");
            }
        });
        return values;
    }

    /** The schema a property refers to ($ref, or the first of allOf), or the property itself. */
    private static JsonNode referred(JsonNode schemas, JsonNode property) {
        String ref = property.has("$ref") ? property.path("$ref").asText() : property.path("allOf").path(0).path("$ref").asText();
        return ref.isEmpty() ? property : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
