package jp.smeir.common;

import jp.smeir.problem.InvalidInputException;

/** The page and size query parameters of every listing, checked alike. */
public final class Paging {

    private Paging() {
    }

    /**
     * A whole-number query parameter, or {@code otherwise} when it is absent. Taken as text, because a number the
     * framework cannot convert would be a 404 there (JAX-RS), where a client needs a 400 naming the parameter.
     *
     * @throws InvalidInputException naming the parameter
     */
    public static int number(String name, String value, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        String number = value.strip();
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, number.matches("[+-]?\\d+") ? "is out of range" : "must be a whole number");
        }
    }

    /** @throws InvalidInputException naming {@code page} or {@code size} */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw InvalidInputException.of("page", "must be ≥ 0");
        }
        if (size < 1 || size > maxSize) {
            throw InvalidInputException.of("size", "must be between 1 and " + maxSize);
        }
        // the first row's offset must fit the database's int
        if ((long) page * size > Integer.MAX_VALUE) {
            throw InvalidInputException.of("page", "is beyond the last possible page for size " + size);
        }
    }
}
