package jp.smeir.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Engine;

import jp.smeir.problem.ProblemException;

/**
 * How the documents people read are made, the drafts and the action sheets alike: a Markdown template with Qute
 * expressions in the reports folder ({@code incident.reports.folder}, default {@code rules/reports}), read on
 * every request so that an operator's change applies at once; the words of labels.yaml beside them; and the
 * Markdown as a standalone HTML page that prints on A4.
 */
@ApplicationScoped
public class Templates {

    /** Readable on screen, and on paper: A4, no link colours, no heading or line split across pages. */
    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}"
            + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;vertical-align:top}"
            + "@page{size:A4;margin:14mm}"
            + "@media print{body{max-width:none;margin:0;font-size:10pt;line-height:1.45}a{color:inherit;text-decoration:none}"
            + "h1{font-size:15pt}h2{font-size:12pt;break-after:avoid}li,tr{break-inside:avoid}}";

    /** Templates are operators' files read at each request, so the engine resolves the models' records by reflection. */
    private final Engine qute = Engine.builder().addDefaults().addValueResolver(new io.quarkus.qute.ReflectionValueResolver()).build();

    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).escapeHtml(true).build();

    @ConfigProperty(name = "incident.reports.folder", defaultValue = "rules/reports")
    String folder;

    Labels labels() {
        return Labels.load(Path.of(folder).resolve("labels.yaml"));
    }

    /** The template {@code file} of the reports folder, with {@code model} as the variable {@code name}. */
    String render(String file, String name, Object model) {
        Path template = Path.of(folder).resolve(file);
        try {
            return qute.parse(read(template)).data(name, model).render();
        } catch (io.quarkus.qute.TemplateException e) {
            // an operator's edit broke the template: say which and where, without the engine's internals
            int line = e.getOrigin() == null ? 0 : e.getOrigin().getLine();
            throw new ProblemException(500, "report-template-broken", "Report template broken",
                    "The report template " + template.getFileName() + (line > 0 ? " (line " + line + ")" : "")
                            + " cannot be rendered; an operator must correct it in " + folder + ".");
        }
    }

    /** Markdown as a standalone HTML page titled by its first heading. */
    String page(String md, String lang, String fallbackTitle) {
        String body = html.render(markdown.parse(md));
        String title = md.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                .orElse(fallbackTitle);
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>"
                + title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "")
                + "</title><style>" + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ProblemException(500, "report-template-missing", "Report template missing",
                    "The report template " + file.getFileName() + " cannot be read; an operator must restore it.");
        }
    }
}
