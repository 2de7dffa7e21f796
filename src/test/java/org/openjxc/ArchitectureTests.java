package org.openjxc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of STYLE.md, checked on every build. */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openjxc");

    @Test
    void modulesUseOnlyEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(OpenJxcApplication.class).verify();
    }

    @Test
    void moneyAndQuantitiesAreNeverFloatingPoint() {
        // The one exception: the statistics of demand forecasting (smoothing weights, estimates of
        // demand per day) are floating point by nature; they become NUMERIC where they are stored.
        noFields()
                .that()
                .areDeclaredInClassesThat()
                .haveNameNotMatching("org\\.openjxc\\.replenishment\\.internal\\.Forecasting(\\$.*)?")
                .should()
                .haveRawType(double.class)
                .orShould()
                .haveRawType(float.class)
                .orShould()
                .haveRawType(Double.class)
                .orShould()
                .haveRawType(Float.class)
                .because("DESIGN.md principle 9: BigDecimal in Java, NUMERIC in SQL")
                .check(MAIN);
    }

    @Test
    void controllersLiveInTheirFeaturesWebPackage() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .and()
                .resideOutsideOfPackage("org.openjxc.web..")
                .should()
                .resideInAPackage("org.openjxc.*.web..")
                .check(MAIN);
    }

    @Test
    void repositoriesAreNotWebFacing() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .and()
                .resideOutsideOfPackage("org.openjxc.web..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .because("controllers go through the feature's service, which owns transactions and audit")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void classNamesSayWhatTheyAre() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .check(MAIN);
    }
}
