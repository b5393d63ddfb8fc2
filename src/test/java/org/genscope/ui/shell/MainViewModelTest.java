package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's rules without any controls: navigation refuses unbuilt workspaces; view settings persist. */
class MainViewModelTest {
    private static final WorkspaceDescriptor HOME = new WorkspaceDescriptor("home", "Home", "", "", null, c -> null);
    private static final WorkspaceDescriptor BUILT = new WorkspaceDescriptor("made", "MADE", "f", "d", "made", c -> null);
    private static final WorkspaceDescriptor ALSO_BUILT = new WorkspaceDescriptor("flows", "Flows", "f", "d", "flow", c -> null);
    private static final WorkspaceDescriptor PLANNED = WorkspaceDescriptor.planned("vae", "VAE", "f", "d");
    private static final List<WorkspaceDescriptor> ALL = List.of(BUILT, ALSO_BUILT, PLANNED);

    @TempDir
    Path dir;

    private static MainViewModel model(Settings settings, String backend) {
        return new MainViewModel(settings, backend, HOME, ALL);
    }

    @Test
    void startsOnHomeWithLightThemeByDefault() {
        MainViewModel vm = model(Settings.load(dir.resolve("s.properties")), "test backend");
        assertEquals(HOME, vm.currentProperty().get());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertFalse(vm.presenterProperty().get());
        assertEquals("Compute: test backend", vm.backendProperty().get());
    }

    @Test
    void refusesWorkspacesThatAreNotBuilt() {
        MainViewModel vm = model(Settings.load(dir.resolve("s.properties")), "b");
        for (WorkspaceDescriptor w : ALL) {
            WorkspaceDescriptor before = vm.currentProperty().get();
            assertEquals(w.available(), vm.select(w));
            assertEquals(w.available() ? w : before, vm.currentProperty().get());
        }
        assertFalse(vm.select("vae"), "by id too");
        assertFalse(vm.select("no-such-workspace"));
        assertTrue(vm.select("home"));
        assertEquals(HOME, vm.currentProperty().get());
    }

    @Test
    void modelFilesRouteByTheirKindToBuiltWorkspacesOnly() {
        MainViewModel vm = model(Settings.load(dir.resolve("s.properties")), "b");
        assertEquals(BUILT, vm.forModelKind("made").orElseThrow());
        assertEquals(ALSO_BUILT, vm.forModelKind("flow").orElseThrow());
        assertTrue(vm.forModelKind("vae").isEmpty(), "a planned workspace opens nothing");
        assertTrue(vm.forModelKind("").isEmpty());
    }

    @Test
    void themeAndPresenterModeAreRememberedBetweenRuns() {
        Path file = dir.resolve("s.properties");
        MainViewModel first = model(Settings.load(file), "b");
        first.toggleTheme();
        first.presenterProperty().set(true);
        MainViewModel second = model(Settings.load(file), "b");
        assertEquals(Theme.DARK, second.themeProperty().get());
        assertTrue(second.presenterProperty().get());
    }

    @Test
    void corruptSettingsFallBackToDefaults() throws Exception {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "view.theme=PURPLE\nview.presenter=maybe\n\\u12");
        MainViewModel vm = model(Settings.load(file), "b");
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertFalse(vm.presenterProperty().get());
    }
}
