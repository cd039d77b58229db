package dev.weft.engine.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the one {@link ObjectMapper} behind {@link Codecs}: deterministic output, and no
 * polymorphic type information, ever.
 *
 * <p>Determinism: properties are sorted by name (records keep their components first, in
 * declaration order), map entries by key, and sets by their elements' encodings
 * ({@link CanonicalSetSerializer}), so that equal values give equal bytes and the digest of the
 * bytes can drive early cutoff.
 *
 * <p>No type information: no default typing is enabled, {@code @JsonTypeInfo} and
 * {@code @JsonSubTypes} on users' classes are ignored when writing and when reading, and the
 * polymorphic type validator denies every subtype in case anything asks anyway. A cache file
 * that names a class ({@code "@class": "..."}) is therefore read as an unknown property of the
 * exact type the task declares, which fails, and never instantiates the class it names.
 */
final class CodecMapper {

  private CodecMapper() {}

  static ObjectMapper create() {
    // The files are our own, checksummed: Jackson's limits against hostile input (a string of
    // at most 20 million characters) would only make large values unreadable.
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .build())
        .build();
    return JsonMapper.builder(factory)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .annotationIntrospector(new NoTypeInformation())
        .polymorphicTypeValidator(new DenyAllSubtypes())
        .addModule(new JdkTypesModule())
        .build();
  }

  /** Jackson's annotations, except those that write or read type information. */
  private static final class NoTypeInformation extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable TypeResolverBuilder<?> findTypeResolver(
        MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
      return null;
    }

    @Override
    public @Nullable TypeResolverBuilder<?> findPropertyTypeResolver(
        MapperConfig<?> config, AnnotatedMember am, JavaType baseType) {
      return null;
    }

    @Override
    public @Nullable TypeResolverBuilder<?> findPropertyContentTypeResolver(
        MapperConfig<?> config, AnnotatedMember am, JavaType containerType) {
      return null;
    }

    @Override
    public @Nullable List<NamedType> findSubtypes(Annotated a) {
      return null;
    }
  }

  /** Denies every polymorphic subtype: a second lock behind {@link NoTypeInformation}. */
  private static final class DenyAllSubtypes extends PolymorphicTypeValidator {
    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubClassName(
        MapperConfig<?> config, JavaType baseType, String subClassName) {
      return Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return Validity.DENIED;
    }
  }
}
