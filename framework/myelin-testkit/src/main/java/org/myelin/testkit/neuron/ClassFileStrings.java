package org.myelin.testkit.neuron;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The text constants of a compiled class. DS annotations such as {@code @Component(property = ...)}
 * have class retention: invisible to reflection but present in the class file's constant pool,
 * which is where the contract looks for the {@code myelin.id} and {@code myelin.kind} properties.
 */
final class ClassFileStrings {

    private ClassFileStrings() {
    }

    /**
     * @param type a class loaded from a class file
     * @return every UTF-8 constant of its constant pool
     * @throws IllegalStateException when the class file cannot be read
     */
    static Set<String> of(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream raw = loader.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("class file " + resource + " is not on the class path");
            }
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(resource + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Set<String> out = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: out.add(in.readUTF()); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.skipBytes(4); break;
                    case 5: case 6: in.skipBytes(8); i++; break;
                    case 7: case 8: case 16: case 19: case 20: in.skipBytes(2); break;
                    case 15: in.skipBytes(3); break;
                    default: throw new IllegalStateException(resource + ": unknown constant pool tag " + tag);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
