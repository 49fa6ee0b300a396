package dev.mxj.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The lowest (best, for times), highest and median of a list of samples. */
final class Stats {
    private final List<Double> sorted;

    Stats(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
    }

    double min() {
        return sorted.get(0);
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    /** The middle sample, or the mean of the two middle ones. */
    double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
