package io.sessionlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The layout of house-style.md, kept by a test: a pure model, pure chat reading ({@code trace.chat}, {@code trace.json}), a
 * pure analysis layer, no cycles between features.
 */
@AnalyzeClasses(packages = "io.sessionlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest static final ArchRule model_stays_pure = noClasses().that().resideInAPackage("..trace.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "com.vaadin..", "com.fasterxml.jackson..", "tools.jackson..");

    @ArchTest static final ArchRule analysis_is_framework_free = noClasses().that().resideInAPackage("..analysis..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "com.vaadin..");

    @ArchTest static final ArchRule chat_reading_is_framework_free = noClasses().that()
            .resideInAnyPackage("..trace.chat..", "..trace.json..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "com.vaadin..");

    @ArchTest static final ArchRule chat_reading_sits_below_the_features_that_use_it = noClasses()
            .that().resideInAnyPackage("io.sessionlens.trace.chat..", "io.sessionlens.trace.json..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sessionlens.analysis..", "io.sessionlens.session..",
                    "io.sessionlens.importer..", "io.sessionlens.trace.persistence..", "io.sessionlens.trace.ui..",
                    "io.sessionlens.demodata..");

    @ArchTest static final ArchRule analysis_reads_only_the_trace_model = noClasses().that()
            .resideInAPackage("io.sessionlens.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sessionlens.importer..", "io.sessionlens.session..",
                    "io.sessionlens.trace.persistence..", "io.sessionlens.demodata..");

    @ArchTest static final ArchRule nobody_reaches_into_another_features_persistence = noClasses()
            .that().resideOutsideOfPackages("io.sessionlens.trace..").should().dependOnClassesThat()
            .resideInAPackage("io.sessionlens.trace.persistence..");

    @ArchTest static final ArchRule session_persistence_stays_in_the_session_feature = noClasses()
            .that().resideOutsideOfPackages("io.sessionlens.session", "io.sessionlens.session.index..",
                    "io.sessionlens.session.persistence..", "io.sessionlens.session.search..")
            .should().dependOnClassesThat().resideInAPackage("io.sessionlens.session.persistence..");

    @ArchTest static final ArchRule the_session_index_is_reached_through_the_session_api = noClasses()
            .that().resideOutsideOfPackages("io.sessionlens.session", "io.sessionlens.session.index..")
            .should().dependOnClassesThat().resideInAPackage("io.sessionlens.session.index..");

    @ArchTest static final ArchRule sessions_are_named_by_session_ref_outside_persistence = noClasses()
            .that().resideOutsideOfPackage("io.sessionlens.session.persistence..")
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("io.sessionlens.session.persistence.SessionIndexEntity$Key");

    @ArchTest static final ArchRule importer_does_not_know_sessions = noClasses().that()
            .resideInAPackage("io.sessionlens.importer..")
            .should().dependOnClassesThat().resideInAPackage("io.sessionlens.session..");

    @ArchTest static final ArchRule base_knows_no_feature = noClasses().that().resideInAPackage("io.sessionlens.base..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sessionlens.trace..", "io.sessionlens.session..",
                    "io.sessionlens.importer..", "io.sessionlens.analysis..", "io.sessionlens.demo..",
                    "io.sessionlens.account..", "io.sessionlens.audit..");

    @ArchTest static final ArchRule account_persistence_stays_in_the_account_feature = noClasses()
            .that().resideOutsideOfPackages("io.sessionlens.account", "io.sessionlens.account.persistence..")
            .should().dependOnClassesThat().resideInAPackage("io.sessionlens.account.persistence..");

    @ArchTest static final ArchRule audit_persistence_stays_in_the_audit_feature = noClasses()
            .that().resideOutsideOfPackages("io.sessionlens.audit", "io.sessionlens.audit.persistence..")
            .should().dependOnClassesThat().resideInAPackage("io.sessionlens.audit.persistence..");

    /**
     * Views wire components and make the service calls; a component takes callbacks (a lazy data provider may query).
     * A Spring bean that a feature's UI provides to other features' pages (base.ui.EvidencePins) wires like a view
     * (decision record 036).
     */
    @ArchTest static final ArchRule ui_components_take_callbacks_not_services = noClasses().that()
            .resideInAPackage("io.sessionlens..ui..")
            .and().areNotAnnotatedWith(Route.class).and().areNotAssignableTo(DataProvider.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Service");

    @ArchTest static final ArchRule features_have_no_cycles = slices().matching("io.sessionlens.(*)..").should()
            .beFreeOfCycles();

    /** House style habit 4: one place owns each transaction; a repository is only used inside one. */
    @ArchTest static final ArchRule repositories_are_used_inside_transactions = classes().that().areNotInterfaces()
            .and(DescribedPredicate.describe("use a Spring Data repository",
                    (JavaClass c) -> c.getDirectDependenciesFromSelf()
                            .stream().anyMatch(d -> d.getTargetClass().isAssignableTo(Repository.class))))
            .should(new ArchCondition<JavaClass>(
                    "be @Transactional (the class or a method) or use a TransactionTemplate") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    boolean transactional = c.isAnnotatedWith(Transactional.class)
                            || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Transactional.class))
                            || c.getDirectDependenciesFromSelf().stream()
                                    .anyMatch(d -> d.getTargetClass().isAssignableTo(TransactionTemplate.class));
                    if (!transactional)
                        events.add(SimpleConditionEvent.violated(c,
                                c.getName() + " uses a repository outside any transaction of its own"));
                }
            });

    /** House style habit 9: every package declares its nullness. */
    @ArchTest static final ArchRule every_package_is_null_marked = classes()
            .should(new ArchCondition<JavaClass>("live in a @NullMarked package") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    if (!c.getPackage().isAnnotatedWith(NullMarked.class))
                        events.add(SimpleConditionEvent.violated(c,
                                c.getPackageName() + " has no @NullMarked package-info.java (" + c.getSimpleName()
                                        + ")"));
                }
            });
}
