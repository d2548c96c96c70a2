import { DateTime } from '@drobble/kit/graphql/date-time';
import { AuthPayload } from './AuthPayload.ts';
import { addAddress } from './Mutation/addAddress.ts';
import { banUser } from './Mutation/banUser.ts';
import { confirmMfa } from './Mutation/confirmMfa.ts';
import { deleteMyAccount } from './Mutation/deleteMyAccount.ts';
import { disableMfa } from './Mutation/disableMfa.ts';
import { login } from './Mutation/login.ts';
import { logout } from './Mutation/logout.ts';
import { refreshToken } from './Mutation/refreshToken.ts';
import { register } from './Mutation/register.ts';
import { removeAddress } from './Mutation/removeAddress.ts';
import { requestPasswordReset } from './Mutation/requestPasswordReset.ts';
import { resetPassword } from './Mutation/resetPassword.ts';
import { setUserRoles } from './Mutation/setUserRoles.ts';
import { setupMfa } from './Mutation/setupMfa.ts';
import { unbanUser } from './Mutation/unbanUser.ts';
import { updateProfile } from './Mutation/updateProfile.ts';
import { exportMyData } from './Query/exportMyData.ts';
import { me } from './Query/me.ts';
import { users } from './Query/users.ts';
import { User } from './User.ts';

/** Every resolver of the identity subgraph, for buildSubgraphSchema. */
export const resolvers = {
  DateTime,
  Query: { me, users, exportMyData },
  Mutation: {
    register, login, refreshToken, logout, updateProfile, addAddress, removeAddress, setupMfa, confirmMfa, disableMfa,
    requestPasswordReset, resetPassword, setUserRoles, banUser, unbanUser, deleteMyAccount,
  },
  User,
  AuthPayload,
};
