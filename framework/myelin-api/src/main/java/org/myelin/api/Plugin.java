package org.myelin.api;

import java.util.List;

import org.myelin.api.param.ParameterSpec;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every plugin says about itself. Each plugin service interface extends this one.
 * The {@link #id()} must equal the {@value PluginProperties#ID} service property.
 */
@ConsumerType
public interface Plugin {

    /** @return the stable, kebab-case id used in specs and on the command line */
    String id();

    /** @return one sentence that says what the plugin does, shown by {@code myelin plugins} */
    String description();

    /**
     * The parameters this plugin accepts. The runtime validates a spec against them before
     * anything runs and records the effective values.
     *
     * @return parameter descriptions, in the order they should be documented
     */
    List<ParameterSpec> parameters();
}
