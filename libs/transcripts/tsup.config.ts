import { defineLibBuild } from '../../tools/config/tsup.lib';

export default defineLibBuild();
