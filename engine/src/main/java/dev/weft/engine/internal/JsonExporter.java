package dev.weft.engine.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.weft.engine.Key;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes a flow as JSON for tools: {@code flow}, then {@code inputs} in declaration order, then
 * {@code tasks} in topological order, fields always in the same order. Types are written in
 * full. Optional settings ({@code each}, {@code version}, {@code timeoutMillis}) are omitted
 * when unset, so the common case stays short. A composed flow also lists the flows it joins
 * ({@code joins}, after {@code flow}) and gives each task the {@code flow} it comes from.
 *
 * <p>Streamed with a {@link JsonGenerator} rather than built as a tree: a tree of a million-task
 * flow would cost about a kilobyte of nodes per task before a character is written.
 */
final class JsonExporter {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  // "\n" rather than the platform's line separator, so the output is the same on every OS.
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private JsonExporter() {}

  static String export(FlowGraph flow) {
    ExportText.TypeNameCache types = new ExportText.TypeNameCache(true);
    // UTF-8 bytes rather than a StringWriter: Jackson's byte generator is the faster one, and
    // decoding ASCII to a String is a single copy.
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(ExportText.capacity(flow.index().nodes().size(), 200));
    // The pretty printer tracks nesting, so each document gets its own instance.
    try (JsonGenerator json = MAPPER.createGenerator(out, JsonEncoding.UTF8)
        .setPrettyPrinter(PRETTY.createInstance())) {
      json.writeStartObject();
      json.writeStringField("flow", flow.name());
      boolean composed = flow.parts().size() > 1;
      if (composed) {
        json.writeArrayFieldStart("joins");
        for (FlowPart part : flow.parts()) {
          json.writeString(part.name());
        }
        json.writeEndArray();
      }
      json.writeArrayFieldStart("inputs");
      for (Key<?> input : flow.inputs()) {
        json.writeStartObject();
        json.writeStringField("name", input.name());
        json.writeStringField("type", types.of(input.type().getType()));
        json.writeBooleanField("key", flow.inputKeyed(input.name()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("tasks");
      for (TaskSpec<?> task : flow.taskSpecs()) {
        writeTask(json, task, composed, types);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a byte array failed", e);
    }
    out.write('\n');
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void writeTask(JsonGenerator json, TaskSpec<?> task, boolean composed,
      ExportText.TypeNameCache types) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", task.name());
    if (composed) {
      json.writeStringField("flow", task.key().flow());
    }
    json.writeStringField("type", types.of(task.key().type().getType()));
    json.writeArrayFieldStart("dependsOn");
    for (Key<?> dependency : task.dependencies()) {
      json.writeString(dependency.name());
    }
    json.writeEndArray();
    if (task.each().isPresent()) {
      json.writeStringField("each", task.each().get().name());
    }
    json.writeBooleanField("cache", task.cache());
    if (!task.version().isEmpty()) {
      json.writeStringField("version", task.version());
    }
    json.writeNumberField("retries", task.retries());
    if (task.timeout().isPresent()) {
      Duration timeout = task.timeout().get();
      json.writeNumberField("timeoutMillis", timeout.toMillis());
    }
    json.writeArrayFieldStart("limits");
    for (String limit : task.limits()) {
      json.writeString(limit);
    }
    json.writeEndArray();
    json.writeBooleanField("async", task.async());
    json.writeEndObject();
  }
}
