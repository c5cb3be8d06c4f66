package org.myelin.it;

import static org.junit.Assert.assertEquals;

import java.util.List;

import javax.inject.Inject;

import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.factory.primitive.IntLists;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.it.support.MyelinContainer;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Eclipse Collections, merged into the myelin-collections bundle, works inside Felix without a
 * ServiceLoader mediator: the api's factories find their impl in the same bundle (STACK.md
 * section 5: with the stock bundles and no SPI Fly these calls fail with "Could not find any
 * implementations").
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CollectionsBundleIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    @Test
    public void primitiveListsComeFromTheMergedBundle() {
        MutableIntList spikes = IntLists.mutable.of(1, 2, 3);
        spikes.add(7);
        assertEquals(13, spikes.sum());
        assertEquals("[1, 2, 3, 7]", spikes.toString());
        assertEquals("myelin-collections", FrameworkUtil.getBundle(MutableIntList.class).getSymbolicName());
        assertEquals("myelin-collections", FrameworkUtil.getBundle(spikes.getClass()).getSymbolicName());
    }

    @Test
    public void objectListsSortThroughTheServiceLoaderFactories() {
        List<String> sorted = Lists.mutable.of("c", "a", "b").toSortedList();
        assertEquals(List.of("a", "b", "c"), sorted);
        assertEquals(List.of(1, 2, 3), Lists.immutable.of(3, 1, 2).toSortedList());
    }
}
