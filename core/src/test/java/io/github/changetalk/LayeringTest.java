package io.github.changetalk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md states: the internal packages, one per job, use one another without
 * a cycle; internal code uses the API's value types but never the {@link Classifier} façade or its
 * builder, and those value types use nothing internal (so the façade is the one place where the API
 * reaches in); and the module exports the API package only.
 */
@AnalyzeClasses(packages = "io.github.changetalk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule internalPackagesHaveNoCycle = slices().matching("io.github.changetalk.internal.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalCodeNeverUsesTheFacade = noClasses().that().resideInAPackage("io.github.changetalk.internal..")
            .should().dependOnClassesThat().belongToAnyOf(Classifier.class, Classifier.Builder.class)
            .because("internal code may use the API's value types, never the façade that sits on top of it");

    @ArchTest
    static final ArchRule apiValuesUseNothingInternal = noClasses().that().resideInAPackage("io.github.changetalk")
            .and().doNotBelongToAnyOf(Classifier.class, Classifier.Builder.class)
            .should().dependOnClassesThat().resideInAPackage("io.github.changetalk.internal..")
            .because("only the façade reaches into the implementation");

    @Test
    void theModuleExportsTheApiPackageOnly() throws IOException {
        Path descriptor = Path.of(System.getProperty("changetalk.root", ".."), "core/target/classes/module-info.class");
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(descriptor)) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.name()).isEqualTo("io.github.changetalk");
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).containsExactly("io.github.changetalk");
        assertThat(module.opens()).allMatch(o -> o.targets().equals(Set.of("com.fasterxml.jackson.databind")));
    }
}
