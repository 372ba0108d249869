package org.longbox;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of Longbox, checked on every build. Top-level packages under {@code org.longbox}:
 * <pre>
 *   app                      the composition root: builds everything, registers filters and servlets
 *   api, opds                the edges: JAX-RS resources for /api/v1 and for /opds
 *   http                     the HTTP edge both stand on: authentication filter, authorization, cookie, OpenAPI
 *   auth, user, library,
 *   reading, media           the core: rules and data, no HTTP
 *   server                   infrastructure every layer may use: settings, database, errors, JSON, paging
 * </pre>
 * Each rule says why it exists; a rule that must bend says so where it bends.
 */
@AnalyzeClasses(packages = "org.longbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "org.longbox.app..";
    private static final String[] CORE = {"org.longbox.auth..", "org.longbox.user..", "org.longbox.library..",
            "org.longbox.reading..", "org.longbox.media.."};
    private static final String[] FEATURES = {"org.longbox.api..", "org.longbox.opds..", "org.longbox.http..",
            "org.longbox.auth..", "org.longbox.user..", "org.longbox.library..", "org.longbox.reading..",
            "org.longbox.media..", "org.longbox.app.."};

    @ArchTest
    static final ArchRule nothingImportsTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the composition root builds the object graph and hands every component its collaborators; "
                    + "a component that reached back into it could look anything up and the wiring would stop being one place");

    @ArchTest
    static final ArchRule collaboratorsArePassedInNotLookedUp = noClasses()
            .that().resideOutsideOfPackage(ROOT)
            .should().callMethod(jakarta.servlet.ServletContext.class, "getAttribute", String.class)
            .orShould().callMethod(jakarta.servlet.ServletContext.class, "setAttribute", String.class, Object.class)
            .because("filters, servlets and listeners receive what they need through their constructors; "
                    + "the servlet context is not a service locator (the root's one documented seam is the only reader)");

    @ArchTest
    static final ArchRule apiDoesNotImportOpds = noClasses()
            .that().resideInAPackage("org.longbox.api..")
            .should().dependOnClassesThat().resideInAPackage("org.longbox.opds..")
            .because("the REST API and the OPDS catalogs are two edges over the same core: what the API needs "
                    + "from a book or a feed is a core service, so the catalogs can change without the API");

    @ArchTest
    static final ArchRule opdsDoesNotImportApi = noClasses()
            .that().resideInAPackage("org.longbox.opds..")
            .should().dependOnClassesThat().resideInAPackage("org.longbox.api..")
            .because("the OPDS catalogs serve reading apps from the same core as the REST API: thumbnails, "
                    + "files and pages are core services, so the API can change without breaking the catalogs");

    @ArchTest
    static final ArchRule coreKnowsNoHttp = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..",
                    "org.longbox.server.web..", "org.longbox.http..", "org.longbox.api..", "org.longbox.opds..")
            .because("the core holds the rules and the data; answers, headers and status lines are built at the "
                    + "HTTP edge, so the core can be called from a resource, a filter, a job or a test alike");

    @ArchTest
    static final ArchRule mediaStandsAlone = classes()
            .that().resideInAPackage("org.longbox.media..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(
                    JavaClass.Predicates.resideInAPackage("org.longbox..")
                            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.longbox.media..")))))
            .because("the format readers (zip, rar, epub, pdf, images) take a file and limits and give pages and metadata; "
                    + "they know no database, user or request, so a hostile archive is handled in one small place");

    @ArchTest
    static final ArchRule infrastructureKnowsNoFeature = noClasses()
            .that().resideInAPackage("org.longbox.server..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("settings, the database, errors and JSON are what every feature stands on; if they imported a "
                    + "feature, every feature would depend on every other through them");

    @ArchTest
    static final ArchRule topLevelPackagesFormNoCycle = slices()
            .matching("org.longbox.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between packages makes them one package in practice: none can be understood, "
                    + "tested or changed alone");

    @ArchTest
    static final ArchRule rowsStayInTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Row").and().resideInAPackage("org.longbox..")
            .should(beAccessedOnlyFromTheirFeature(false))
            .because("a row mirrors a table, password hashes and absolute paths included; above its feature, "
                    + "domain records and DTOs carry only what callers may see");

    @ArchTest
    static final ArchRule mappersStayInTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Mapper").and().areInterfaces().and().resideInAPackage("org.longbox..")
            .should(beAccessedOnlyFromTheirFeature(true))
            .because("each feature owns its tables and its SQL; another feature asks its services. The composition "
                    + "root names every mapper once, to register it with MyBatis");

    @ArchTest
    static final ArchRule timeComesFromTheClock = noClasses()
            .that().resideInAPackage("org.longbox..").and().resideOutsideOfPackage(ROOT)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .because("sessions, lockouts, keys, tokens, jobs and schedules read the time from the injected "
                    + "java.time.Clock, so tests move time instead of sleeping (System.nanoTime, which measures "
                    + "elapsed time for short-lived caches and timeouts, is not the time of day and stays)");

    /** Accesses to the class from outside its top-level package fail; {@code rootMayName} lets the composition root name it. */
    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirFeature(boolean rootMayName) {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = topLevel(target);
                target.getDirectDependenciesToSelf().forEach(d -> {
                    JavaClass origin = d.getOriginClass();
                    String from = topLevel(origin);
                    if (from.equals(feature) || (rootMayName && from.equals("app"))) {
                        return;
                    }
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                });
            }
        };
    }

    private static String topLevel(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("org.longbox.")) {
            return pkg;
        }
        String rest = pkg.substring("org.longbox.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
