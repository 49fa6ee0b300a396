package dev.mxj.account;

import java.util.List;

/**
 * The answer of a user directory search.
 *
 * @param users   the users found, ranked by the server
 * @param limited true if the server cut the list at the limit
 */
public record UserDirectoryResults(List<DirectoryUser> users, boolean limited) {
    public UserDirectoryResults {
        users = List.copyOf(users);
    }
}
