/** Permission of the city's Rabeg coordinators: verify, dispatch, reroute and close any report. */
export const COORDINATE_PERMISSION = 'rabeg:coordinate';
