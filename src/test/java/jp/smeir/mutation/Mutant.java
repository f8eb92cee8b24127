package jp.smeir.mutation;

/**
 * One deliberate break of the rules: the file and rule it breaks, what was changed (in words an analyst reads
 * in the report), and the whole text of the file with the change.
 */
public record Mutant(String file, String rule, String change, String mutatedFile) {

    @Override
    public String toString() {
        return file + " \"" + rule + "\": " + change;
    }
}
