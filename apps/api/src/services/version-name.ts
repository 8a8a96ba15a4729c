// A version's name is part of the API's contract (@grader/contract), shared with the web UI's mock.
export { VersionName } from '@grader/contract';
