// Package ifc declares the store interface that the service calls.
package ifc

import "context"

type Tags interface {
	Set(ctx context.Context, cond, set map[string]interface{}) error
}
