// File bytes read on this machine travel to the target as a variable the backend sets, never as a path there.

/** The variable the backend fills with the bytes of a file read on this machine (`-FileData $ExchcertFileData`). */
export const FILE_DATA_VARIABLE = 'ExchcertFileData';
