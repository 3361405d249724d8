/** Permission of Disdukcapil officers: open slots, read every application and change its state. Granted by an admin. */
export const OFFICER_PERMISSION = 'smartdukcapil:officer';
