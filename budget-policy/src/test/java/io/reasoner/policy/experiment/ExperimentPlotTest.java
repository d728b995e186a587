package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.Priority;

class ExperimentPlotTest {

    private static RunSummary run(String setup, double load, double p95, double granted) {
        return new RunSummary(setup, load, Priority.INTERACTIVE, load, 10, 0, 10, p95 / 2, p95, granted,
                granted / 2, 1.0);
    }

    private static List<Outcome> timeline(long slope) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(new Outcome(Priority.INTERACTIVE, i * 1000L, 2000 + i * slope, 256, 256,
                    Outcome.Status.DONE));
        }
        return outcomes;
    }

    @Test
    void plot_isAPngWithLinesAndATimelinePerSetup() throws Exception {
        List<RunSummary> runs = List.of(run("A", 0.5, 3, 256), run("A", 1, 9, 256), run("A", 2, 60, 256),
                run("B", 0.5, 3, 256), run("B", 1, 8, 200), run("B", 2, 15, 80));

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertThat(ImageIO.write(ExperimentPlot.draw(runs, 2, timeline(1000), timeline(100), 20), "png", png))
                .isTrue();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));

        assertThat(read.getWidth()).isEqualTo(ExperimentPlot.WIDTH);
        assertThat(read.getHeight()).isEqualTo(ExperimentPlot.HEIGHT);
        assertThat(count(read, ExperimentPlot.SETUP_A.getRGB())).isGreaterThan(200);
        assertThat(count(read, ExperimentPlot.SETUP_B.getRGB())).isGreaterThan(200);
    }

    @Test
    void aSetupWithNoPoints_leavesItsColourOut() {
        BufferedImage image = ExperimentPlot.draw(List.of(run("A", 1, 5, 100)), 1, timeline(10), List.of(), 20);

        // Only the legend's text carries B's colour.
        assertThat(count(image, ExperimentPlot.SETUP_B.getRGB())).isLessThan(count(image,
                ExperimentPlot.SETUP_A.getRGB()));
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }
}
